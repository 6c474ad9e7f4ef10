<#--
  Password reset, step 2 (bd-reset-sms-code): the SMS code, in the shared bd-sms-code.ftl, worded for an account that
  may not exist and without the phone: every ID number gets this very page.
-->
<#import "template.ftl" as layout>
<#import "bd-sms-code.ftl" as smsCode>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("bdResetTitle")}
    <#elseif section = "form">
        <p id="bd-reset-code-instruction" class="${properties.kcInputHelperTextItemTextClass!}">${msg("bdResetCodeInstruction", bdSmsCode.codeLength?c)}</p>
        <@smsCode.form id="bd-reset" formId="bd-reset-code-form" submitId="bd-reset-code-submit" submitLabel="bdResetContinue"
                validForKey="bdResetCodeExpiresIn" submitName="submit" describedBy="bd-reset-code-instruction"/>
    </#if>
</@layout.registrationLayout>
