<#--
  Password reset, step 2 (bd-reset-sms-code): the SMS code. The same pieces as sms-otp.ftl (its attributes, its
  field names, its messages), but worded for an account that may not exist and without the phone: every ID number
  gets this very page.
-->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("bdResetTitle")}
    <#elseif section = "form">
        <p id="bd-reset-code-instruction" class="${properties.kcInputHelperTextItemTextClass!}">${msg("bdResetCodeInstruction", bdSmsOtpCodeLength?c)}</p>
        <form id="bd-reset-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="code" label=msg("bdSmsOtpCodeLabel") required=true autocomplete="one-time-code" autofocus=true/>
            <#if bdSmsOtpSecondsLeft gt 0>
                <p id="bd-reset-countdown" data-seconds="${bdSmsOtpSecondsLeft?c}">${msg("bdResetCodeExpiresIn", bdSmsOtpSecondsLeft?c)}</p>
            </#if>
            <@buttons.actionGroup>
                <@buttons.button id="bd-reset-code-submit" name="submit" label="bdResetContinue"/>
            </@buttons.actionGroup>
        </form>
        <form id="bd-reset-resend-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <button id="bd-reset-resend" name="resend" value="true" type="submit"
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                        data-cooldown="${bdSmsOtpCooldown?c}"
                        <#if bdSmsOtpCooldown gt 0 || (bdSmsOtpStarted && bdSmsOtpResendsLeft == 0)>disabled</#if>>
                    <#if bdSmsOtpStarted>${msg("bdSmsOtpResend")}<#else>${msg("bdSmsOtpRetry")}</#if>
                </button>
            </@buttons.actionGroup>
            <#if bdSmsOtpCooldown gt 0>
                <p id="bd-reset-cooldown">${msg("bdSmsOtpCooldownHint", bdSmsOtpCooldown?c)}</p>
            </#if>
        </form>
        <#-- The messages go into JavaScript strings: escaped for JavaScript, not for HTML (they hold quotes). -->
        <script>
            (function () {
                var countdown = document.getElementById("bd-reset-countdown");
                var resend = document.getElementById("bd-reset-resend");
                var hint = document.getElementById("bd-reset-cooldown");
                var left = countdown ? parseInt(countdown.getAttribute("data-seconds"), 10) : 0;
                var cooldown = parseInt(resend.getAttribute("data-cooldown"), 10);
                var canResend = ${(!bdSmsOtpStarted || bdSmsOtpResendsLeft gt 0)?c};
                var expiresIn = "${msg("bdResetCodeExpiresIn", "{0}")?js_string?no_esc}";
                var expired = "${msg("bdSmsOtpExpired")?js_string?no_esc}";
                var cooldownHint = "${msg("bdSmsOtpCooldownHint", "{0}")?js_string?no_esc}";
                var timer = setInterval(function () {
                    left = Math.max(0, left - 1);
                    cooldown = Math.max(0, cooldown - 1);
                    if (countdown) {
                        countdown.textContent = left > 0 ? expiresIn.replace("{0}", left) : expired;
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
