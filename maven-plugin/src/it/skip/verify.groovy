def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping Medsite: skip is set (-Dmedsite.skip or <skip>true</skip>)')
assert !new File(basedir, 'target/site').exists()
