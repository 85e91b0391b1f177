// layouts/single.ftlh in the site replaces the theme's template for single pages, and only that one.
def hours = new File(basedir, 'target/site/hours/index.html').text
assert hours.contains('<main id="main" class="overridden-by-site-layouts">')
assert hours.contains('Monday to Friday')
def home = new File(basedir, 'target/site/index.html').text
assert !home.contains('overridden-by-site-layouts')
