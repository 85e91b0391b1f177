<#-- robots.txt: replace it with layouts/robots.txt.ftl in a site (or static/robots.txt). -->
User-agent: *
Allow: /
<#if sitemap??>

Sitemap: ${sitemap}
</#if>
