<#-- The captcha widget of our forms; the captcha module sets bdCaptcha only when the realm has captcha on. -->
<#macro widget>
    <#if bdCaptcha??>
        <div id="bd-captcha" class="${properties.kcFormGroupClass!} bd-captcha">
            <div class="${bdCaptcha.widgetClass}" data-sitekey="${bdCaptcha.siteKey}"></div>
            <noscript><p class="${properties.kcInputErrorMessageClass!}">${msg("bdCaptchaNeedsScript")}</p></noscript>
            <script src="${bdCaptcha.scriptUrl}" async defer></script>
        </div>
    </#if>
</#macro>
