<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section="header">
        ${msg("bdOtpPhoneReceiverTitle")}
    <#elseif section="form">
        <p id="bd-otp-phone-target">${msg("bdOtpPhoneReceiverQuestion", bdOtpPhoneTarget)}</p>
        <form id="bd-otp-phone-receiver-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                        id="bd-otp-phone-make-receiver" type="submit" name="makeReceiver" value="true">${msg("bdOtpPhoneReceiverSubmit")}</button>
                <#if isAppInitiatedAction??>
                    <button class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                            id="bd-otp-phone-cancel" type="submit" name="cancel-aia" value="true">${msg("bdOtpPhoneBack")}</button>
                </#if>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
