<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section="header">
        ${msg("bdOtpPhoneReceiverTitle")}
    <#elseif section="form">
        <p id="bd-otp-phone-target">${msg("bdOtpPhoneReceiverQuestion", bdOtpPhoneTarget)}</p>
        <form id="bd-otp-phone-receiver-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!}">
                    <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                            id="bd-otp-phone-make-receiver" type="submit" name="makeReceiver" value="true">${msg("bdOtpPhoneReceiverSubmit")}</button>
                    <#if isAppInitiatedAction??>
                        <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                                id="bd-otp-phone-cancel" type="submit" name="cancel-aia" value="true">${msg("bdOtpPhoneBack")}</button>
                    </#if>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
