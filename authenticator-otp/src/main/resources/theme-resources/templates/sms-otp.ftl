<#-- SMS OTP entry of the login: the instruction names the masked phone; the rest is the shared bd-sms-code.ftl. -->
<#import "template.ftl" as layout>
<#import "bd-sms-code.ftl" as smsCode>
<@layout.registrationLayout displayMessage=true; section>
    <#if section="header">
        ${msg("bdSmsOtpTitle")}
    <#elseif section="form">
        <p id="bd-sms-otp-phone">${msg("bdSmsOtpInstruction", bdSmsCode.phone)}</p>
        <@smsCode.form id="bd-sms-otp" formId="bd-sms-otp-form" submitId="kc-login" submitLabel="bdSmsOtpSubmit"
                describedBy="bd-sms-otp-phone"/>
    </#if>
</@layout.registrationLayout>
