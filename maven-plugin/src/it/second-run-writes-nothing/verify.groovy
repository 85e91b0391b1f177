// The second build found every file unchanged and rewrote none: all still carry the 2001 date.
def backdated = 978307200000L
def files = []
new File(basedir, 'target/site').eachFileRecurse(groovy.io.FileType.FILES) { files << it }
assert files.size() >= 4
def rewritten = files.findAll { it.lastModified() != backdated }
assert rewritten.isEmpty() : "rewritten by the second build: $rewritten"
def log = new File(basedir, 'build.log').text
assert log =~ /; 0 files written, ${files.size()} unchanged, 0 removed in target\/site/
