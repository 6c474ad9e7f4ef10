<#--
  SMS OTP entry. The server renders the remaining lifetime, the cooldown and the state of "Gửi lại"; the script
  js/bd-sms-otp.js (this JAR's theme resources) only counts them down live and enables "Gửi lại" when the cooldown
  ends. Without JavaScript the page still works: the code is entered and sent, and the server refuses an early resend.
-->
<#import "template.ftl" as layout>
<#assign canResend = !bdSmsOtpStarted || bdSmsOtpResendsLeft gt 0>
<@layout.registrationLayout displayMessage=true; section>
    <#if section="header">
        ${msg("bdSmsOtpTitle")}
    <#elseif section="form">
        <p id="bd-sms-otp-phone">${msg("bdSmsOtpInstruction", bdSmsOtpPhone)}</p>
        <#if bdSmsOtpSecondsLeft gt 0>
            <p id="bd-sms-otp-countdown" class="bd-sms-otp-countdown" role="timer" data-seconds="${bdSmsOtpSecondsLeft?c}"
               data-text="${msg('bdSmsOtpValidFor', '{0}')}" data-expired-text="${msg('bdSmsOtpExpired')}">${msg("bdSmsOtpValidFor", bdSmsOtpSecondsLeft?c)}</p>
        </#if>
        <form id="bd-sms-otp-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormGroupLabelClass!}">
                    <label for="code" class="${properties.kcFormLabelClass!}">
                        <span class="${properties.kcFormLabelTextClass!}">${msg("bdSmsOtpCodeLabel")}</span>
                    </label>
                </div>
                <span class="${properties.kcInputClass!}">
                    <input id="code" name="code" type="text" inputmode="numeric" pattern="[0-9]*" autocomplete="one-time-code"
                           maxlength="${bdSmsOtpCodeLength?c}" autofocus dir="ltr" aria-describedby="bd-sms-otp-phone"
                           <#if message?? && message.type = "error">aria-invalid="true"</#if>/>
                </span>
            </div>
            <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" name="login" id="kc-login"
                        type="submit">${msg("bdSmsOtpSubmit")}</button>
            </div>
        </form>
        <form id="bd-sms-otp-resend-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <button id="bd-sms-otp-resend" name="resend" value="true" type="submit"
                    class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                    data-cooldown="${bdSmsOtpCooldown?c}" data-can-resend="${canResend?c}"
                    <#if bdSmsOtpCooldown gt 0>aria-describedby="bd-sms-otp-cooldown"</#if>
                    <#if bdSmsOtpCooldown gt 0 || !canResend>disabled</#if>>
                <#if bdSmsOtpStarted>${msg("bdSmsOtpResend")}<#else>${msg("bdSmsOtpRetry")}</#if>
            </button>
            <#if bdSmsOtpCooldown gt 0>
                <p id="bd-sms-otp-cooldown" class="bd-sms-otp-cooldown" data-text="${msg('bdSmsOtpCooldownHint', '{0}')}">${msg("bdSmsOtpCooldownHint", bdSmsOtpCooldown?c)}</p>
            </#if>
        </form>
        <script src="${url.resourcesPath}/js/bd-sms-otp.js" defer></script>
    </#if>
</@layout.registrationLayout>
