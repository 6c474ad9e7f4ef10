<#--
  Password reset, step 3 (bd-reset-new-password): the new password twice and the captcha. The hint takes the
  realm policy's length bounds; a refused password is told every rule it breaks, in Keycloak's own messages.
-->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "bd-captcha.ftl" as captcha>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("bdResetTitle")}
    <#elseif section = "form">
        <form id="bd-reset-password-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="password-new" label=msg("bdResetPasswordNew") required=true autocomplete="new-password" autofocus=true/>
            <@field.password name="password-confirm" label=msg("bdResetPasswordConfirm") required=true autocomplete="new-password"/>
            <p id="bd-reset-password-hint" class="${properties.kcInputHelperTextItemTextClass!}">${msg("bdResetPasswordHint", bdResetMinLength?c, bdResetMaxLength?c)}</p>
            <@captcha.widget/>
            <@buttons.actionGroup>
                <@buttons.button id="bd-reset-password-submit" name="submit" label="bdResetAgree"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
