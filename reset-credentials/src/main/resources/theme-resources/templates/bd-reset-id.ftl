<#--
  Password reset, step 1 (bd-reset-id-number): the ID number and the captcha. Built on keycloak.v2's field and
  button macros, like the binhduong theme's login.ftl.
-->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "bd-captcha.ftl" as captcha>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username'); section>
    <#if section = "header">
        ${msg("bdResetTitle")}
    <#elseif section = "form">
        <form id="bd-reset-id-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="username" label=msg("bdResetIdLabel") value=bdResetIdNumber!'' required=true autocomplete="username" autofocus=true/>
            <p id="bd-reset-id-hint" class="${properties.kcInputHelperTextItemTextClass!}">${msg("bdResetIdHint")}</p>
            <@captcha.widget/>
            <@buttons.actionGroup>
                <@buttons.button id="bd-reset-id-submit" name="submit" label="bdResetContinue"/>
                <@buttons.buttonLink id="bd-reset-back" href=url.loginUrl label="backToLogin"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
