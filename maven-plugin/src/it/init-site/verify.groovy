def site = new File(basedir, 'riverside-clinic')
['pom.xml', 'site.yaml', 'content/_index.md', 'content/blog/welcome-to-our-new-website.md',
 'content/library/hand-washing/index.md', 'data/people/example.yaml'].each {
    assert new File(site, it).isFile() : "init did not create $it"
}
def pom = new File(site, 'pom.xml').text
assert pom.contains('<packaging>medsite</packaging>')
assert pom.contains("<artifactId>medsite-maven-plugin</artifactId>\n        <version>$projectVersion</version>")
assert new File(site, 'target/site/index.html').text.contains('Riverside clinic')
assert new File(site, 'target/site/library/hand-washing/index.html').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO]   created content/library/hand-washing/index.md')
assert log =~ /Medsite built \d+ pages in [0-9.]+ s: 0 errors, 0 warnings/
