<#--
  The site's colour overrides (params.colors / params.colorsDark, see README) as CSS, or "" when there are
  none. Read by theme-settings.css.ftl, which Medsite writes to css/theme-settings.css, and by the frame,
  which links that file: the colours reach pages without an inline <style> (style-src 'self').
-->
<#-- Token names a site may set in params.colors / params.colorsDark (see README). -->
<#assign colorTokens = ["bg", "surface", "text", "muted", "border", "brand", "brand-hover", "on-brand", "nav-bg",
  "nav-text", "link", "link-hover", "accent", "accent-bg", "alert", "alert-bg", "alert-text", "focus", "focus-text"]>

<#function colorCss>
  <#local css = "">
  <#list [site.params.colors!{}, site.params.colorsDark!{}] as set>
    <#local decls = "">
    <#if set?is_hash>
      <#list set as name, value>
        <#if colorTokens?seq_contains(name) && value?is_string && value?matches("#[0-9a-fA-F]{3,8}")>
          <#local decls = decls + "--c-" + name + ":" + value + ";">
        </#if>
      </#list>
    </#if>
    <#if decls?has_content>
      <#local css = css + "@media (prefers-color-scheme:" + (set?index == 0)?then("light", "dark") + "){:root{" + decls + "}}\n">
    </#if>
  </#list>
  <#return css>
</#function>
