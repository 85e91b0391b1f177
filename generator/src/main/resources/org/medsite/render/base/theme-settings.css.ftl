<#-- A theme's site-wide settings stylesheet, css/theme-settings.css: none unless the theme has this template. -->
