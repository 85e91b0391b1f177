// mvn site: Medsite's site in target/site, and none of maven-site-plugin's project-info pages.
def site = new File(basedir, 'target/site')
def home = new File(site, 'index.html')
assert home.isFile()
assert home.text.contains('<meta name="generator" content="Medsite')
assert new File(site, 'hours/index.html').isFile()
assert new File(site, 'editorial-policy/index.html').isFile()
['project-info.html', 'dependencies.html', 'summary.html', 'css/maven-base.css'].each {
    assert !new File(site, it).exists() : "maven-site-plugin output $it"
}
def log = new File(basedir, 'build.log').text
assert log =~ /--- medsite:[^:]+:build \(default-build[^)]*\) @ site-lifecycle ---/
assert !log.contains('maven-site-plugin')
assert log =~ /Medsite built \d+ pages in [0-9.]+ s: 0 errors, 0 warnings; \d+ files written, 0 unchanged, 0 removed in target\/site/
