<#-- The site's colour overrides, written to css/theme-settings.css (nothing when there are none). -->
<#import "partials/colors.ftl" as c>${c.colorCss()}