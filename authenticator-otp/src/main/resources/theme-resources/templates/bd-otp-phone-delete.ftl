<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section="header">
        ${msg("bdOtpPhoneDeleteTitle")}
    <#elseif section="form">
        <p id="bd-otp-phone-target">${msg("bdOtpPhoneDeleteQuestion", bdOtpPhoneTarget)}</p>
        <form id="bd-otp-phone-delete-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!}">
                    <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                            id="bd-otp-phone-delete" type="submit" name="deletePhone" value="true">${msg("bdOtpPhoneDeleteSubmit")}</button>
                    <#if isAppInitiatedAction??>
                        <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                                id="bd-otp-phone-cancel" type="submit" name="cancel-aia" value="true">${msg("bdOtpPhoneBack")}</button>
                    </#if>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
