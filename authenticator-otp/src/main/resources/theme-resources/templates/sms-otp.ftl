<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section="header">
        ${msg("bdSmsOtpTitle")}
    <#elseif section="form">
        <p id="bd-sms-otp-phone" class="${properties.kcLabelClass!}">${msg("bdSmsOtpInstruction", bdSmsOtpPhone)}</p>
        <#if bdSmsOtpSecondsLeft gt 0>
            <p id="bd-sms-otp-countdown" data-seconds="${bdSmsOtpSecondsLeft?c}">${msg("bdSmsOtpValidFor", bdSmsOtpSecondsLeft?c)}</p>
        </#if>
        <form id="bd-sms-otp-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcLabelWrapperClass!}">
                    <label for="code" class="${properties.kcLabelClass!}">${msg("bdSmsOtpCodeLabel")}</label>
                </div>
                <div class="${properties.kcInputWrapperClass!}">
                    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                           maxlength="${bdSmsOtpCodeLength?c}" class="${properties.kcInputClass!}" autofocus dir="ltr"/>
                </div>
            </div>
            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                       name="login" id="kc-login" type="submit" value="${msg("bdSmsOtpSubmit")}"/>
            </div>
        </form>
        <form id="bd-sms-otp-resend-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <button id="bd-sms-otp-resend" name="resend" value="true" type="submit"
                    class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!}"
                    data-cooldown="${bdSmsOtpCooldown?c}"
                    <#if bdSmsOtpCooldown gt 0 || (bdSmsOtpStarted && bdSmsOtpResendsLeft == 0)>disabled</#if>>
                <#if bdSmsOtpStarted>${msg("bdSmsOtpResend")}<#else>${msg("bdSmsOtpRetry")}</#if>
            </button>
            <#if bdSmsOtpCooldown gt 0>
                <p id="bd-sms-otp-cooldown">${msg("bdSmsOtpCooldownHint", bdSmsOtpCooldown?c)}</p>
            </#if>
        </form>
        <script>
            (function () {
                var countdown = document.getElementById("bd-sms-otp-countdown");
                var resend = document.getElementById("bd-sms-otp-resend");
                var hint = document.getElementById("bd-sms-otp-cooldown");
                var left = countdown ? parseInt(countdown.getAttribute("data-seconds"), 10) : 0;
                var cooldown = parseInt(resend.getAttribute("data-cooldown"), 10);
                var canResend = ${(!bdSmsOtpStarted || bdSmsOtpResendsLeft gt 0)?c};
                var validFor = "${msg("bdSmsOtpValidFor", "{0}")?js_string}";
                var expired = "${msg("bdSmsOtpExpired")?js_string}";
                var cooldownHint = "${msg("bdSmsOtpCooldownHint", "{0}")?js_string}";
                var timer = setInterval(function () {
                    left = Math.max(0, left - 1);
                    cooldown = Math.max(0, cooldown - 1);
                    if (countdown) {
                        countdown.textContent = left > 0 ? validFor.replace("{0}", left) : expired;
                    }
                    if (hint) {
                        hint.textContent = cooldown > 0 ? cooldownHint.replace("{0}", cooldown) : "";
                    }
                    if (cooldown === 0 && canResend) {
                        resend.disabled = false;
                    }
                    if (left === 0 && cooldown === 0) {
                        clearInterval(timer);
                    }
                }, 1000);
            })();
        </script>
    </#if>
</@layout.registrationLayout>
