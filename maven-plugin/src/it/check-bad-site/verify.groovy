// check reports every problem at once, with file and line, and writes nothing.
def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] content\/blog\/news.md:3: error: .*'yesterday'/
assert log =~ /\[ERROR\] content\/blog\/news.md:6: error: .*'..\/moving.md'/
assert log =~ /The site has \d+ errors:/
assert log =~ /Medsite checked \d+ pages in [0-9.]+ s: \d+ errors/
assert !(log =~ /\tat [a-z]+\./)
assert !new File(basedir, 'target/site').exists()
