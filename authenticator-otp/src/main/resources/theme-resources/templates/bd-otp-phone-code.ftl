<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section="header">
        ${msg("bdOtpPhoneCodeTitle")}
    <#elseif section="form">
        <#assign updating = (bdOtpPhoneMode!"add") == "update">
        <p id="bd-otp-phone-target">${msg(updating?then("bdOtpPhoneCodeInstructionUpdate", "bdOtpPhoneCodeInstruction"), bdOtpPhoneTarget)}</p>
        <#if bdOtpPhoneSecondsLeft gt 0>
            <p id="bd-otp-phone-countdown" data-seconds="${bdOtpPhoneSecondsLeft?c}">${msg("bdSmsOtpValidFor", bdOtpPhoneSecondsLeft?c)}</p>
        </#if>
        <form id="bd-otp-phone-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcLabelWrapperClass!}">
                    <label for="code" class="${properties.kcLabelClass!}">${msg("bdSmsOtpCodeLabel")}</label>
                </div>
                <div class="${properties.kcInputWrapperClass!}">
                    <span class="${properties.kcInputClass!}">
                        <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" dir="ltr"
                               maxlength="${bdOtpPhoneCodeLength?c}" autofocus/>
                    </span>
                </div>
            </div>
            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                       id="bd-otp-phone-code-submit" type="submit" value="${msg(updating?then("bdOtpPhoneUpdateSubmit", "bdOtpPhoneRegisterSubmit"))}"/>
            </div>
        </form>
        <form id="bd-otp-phone-resend-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <button id="bd-otp-phone-resend" name="resend" value="true" type="submit"
                    class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!}"
                    <#if bdOtpPhoneCooldown gt 0 || bdOtpPhoneResendsLeft == 0>disabled</#if>>${msg("bdSmsOtpResend")}</button>
            <#if bdOtpPhoneCooldown gt 0>
                <#-- The countdown's text in an attribute (HTML-escaped, read back as text), not in the script. -->
                <p id="bd-otp-phone-cooldown" data-hint="${msg("bdSmsOtpCooldownHint", "{0}")}">${msg("bdSmsOtpCooldownHint", bdOtpPhoneCooldown?c)}</p>
            </#if>
        </form>
        <form id="bd-otp-phone-change-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <button id="bd-otp-phone-change" name="changeNumber" value="true" type="submit"
                    class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!}">${msg("bdOtpPhoneChangeNumber")}</button>
        </form>
        <#if bdOtpPhoneCooldown gt 0>
            <script>
                (function () {
                    var resend = document.getElementById("bd-otp-phone-resend");
                    var hint = document.getElementById("bd-otp-phone-cooldown");
                    var cooldown = ${bdOtpPhoneCooldown?c};
                    var canResend = ${(bdOtpPhoneResendsLeft gt 0)?c};
                    var cooldownHint = hint.getAttribute("data-hint");
                    var timer = setInterval(function () {
                        cooldown = Math.max(0, cooldown - 1);
                        hint.textContent = cooldown > 0 ? cooldownHint.replace("{0}", cooldown) : "";
                        if (cooldown === 0) {
                            resend.disabled = !canResend;
                            clearInterval(timer);
                        }
                    }, 1000);
                })();
            </script>
        </#if>
    </#if>
</@layout.registrationLayout>
