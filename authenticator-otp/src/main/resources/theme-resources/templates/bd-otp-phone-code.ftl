<#-- Phone registration, page two: the code sent to the number being proven (the shared bd-sms-code.ftl), or another number. -->
<#import "template.ftl" as layout>
<#import "bd-sms-code.ftl" as smsCode>
<@layout.registrationLayout displayMessage=true; section>
    <#if section="header">
        ${msg("bdOtpPhoneCodeTitle")}
    <#elseif section="form">
        <#assign updating = (bdOtpPhoneMode!"add") == "update">
        <p id="bd-otp-phone-target">${msg(updating?then("bdOtpPhoneCodeInstructionUpdate", "bdOtpPhoneCodeInstruction"), bdSmsCode.phone)}</p>
        <@smsCode.form id="bd-otp-phone" formId="bd-otp-phone-code-form" submitId="bd-otp-phone-code-submit"
                submitLabel=updating?then("bdOtpPhoneUpdateSubmit", "bdOtpPhoneRegisterSubmit") submitName="submit"
                describedBy="bd-otp-phone-target"/>
        <form id="bd-otp-phone-change-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!}">
                    <button id="bd-otp-phone-change" name="changeNumber" value="true" type="submit"
                            class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("bdOtpPhoneChangeNumber")}</button>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
