def page = new File(basedir, 'content/library/high-blood-pressure/index.md')
assert page.isFile()
def text = page.text
assert text.startsWith('---\ntitle: "High blood pressure"\n')
assert text.contains('\ntype: condition\n')
assert text.contains('\ndraft: true\n')
assert text =~ /\nlastReviewed: \d{4}-\d{2}-\d{2}\n/
['Overview', 'Symptoms', 'Causes', 'Diagnosis', 'Treatment', 'When to get help'].each {
    assert text.contains("\n## $it\n")
}
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Created content/library/high-blood-pressure/index.md as a draft')
assert log.contains('content/library/high-blood-pressure/index.md already exists; edit that page, or choose another title')
assert !(log =~ /\tat [a-z]+\./)
