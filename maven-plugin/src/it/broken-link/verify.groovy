// A mistake in the content fails the build with its file and line, without a stack trace, and
// nothing is written.
def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] content\/_index.md:5: error: .*'team.md'/
assert log.contains('BUILD FAILURE')
assert log =~ /The site has \d+ errors?:/
assert log.contains('  content/_index.md:5: error:')
assert !(log =~ /\tat [a-z]+\./) : 'a stack trace was printed for a mistake in the site'
assert log.contains('Medsite wrote nothing: the site has errors')
assert !new File(basedir, 'target/site').exists()
