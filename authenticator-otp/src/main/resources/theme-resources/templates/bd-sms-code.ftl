<#--
  The SMS code entry of every page that asks for one: the login step (sms-otp.ftl), the reset (bd-reset-code.ftl)
  and the phone registration (bd-otp-phone-code.ftl). It reads only bdSmsCode (SmsCodeView, made by SmsCodeChallenge)
  and uses only CSS class keys that the stock keycloak.v2 login theme defines. The server renders the remaining
  lifetime, the cooldown and the state of the resend button; js/bd-sms-code.js only counts them down and enables
  the button when the cooldown ends. Without JavaScript the page still works: the server refuses an early resend.

  id: the prefix of the element ids (id-countdown, id-resend, id-cooldown, id-resend-form); describedBy: the id of
  the page's instruction, read out with the code field.
-->
<#macro form id formId submitId submitLabel validForKey="bdSmsOtpValidFor" submitName="login" describedBy="">
    <#if bdSmsCode.secondsLeft gt 0>
        <p id="${id}-countdown" role="timer" data-bd-sms-countdown data-seconds="${bdSmsCode.secondsLeft?c}"
           data-text="${msg(validForKey, '{0}')}" data-expired-text="${msg('bdSmsOtpExpired')}">${msg(validForKey, bdSmsCode.secondsLeft?c)}</p>
    </#if>
    <form id="${formId}" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <div class="${properties.kcFormGroupClass!}">
            <div class="${properties.kcFormGroupLabelClass!}">
                <label for="code" class="${properties.kcFormLabelClass!}">
                    <span class="${properties.kcFormLabelTextClass!}">${msg("bdSmsOtpCodeLabel")}</span>
                </label>
            </div>
            <span class="${properties.kcInputClass!}">
                <input id="code" name="code" type="text" inputmode="numeric" pattern="[0-9]*" autocomplete="one-time-code"
                       maxlength="${bdSmsCode.codeLength?c}" autofocus dir="ltr"<#if describedBy?has_content> aria-describedby="${describedBy}"</#if>
                       aria-invalid="<#if message?? && message.type == "error">true<#else>false</#if>"/>
            </span>
        </div>
        <div class="${properties.kcFormGroupClass!}">
            <div class="${properties.kcFormActionGroupClass!}">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" name="${submitName}"
                        id="${submitId}" type="submit">${msg(submitLabel)}</button>
            </div>
        </div>
    </form>
    <form id="${id}-resend-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <div class="${properties.kcFormGroupClass!}">
            <div class="${properties.kcFormActionGroupClass!}">
                <button id="${id}-resend" name="resend" value="true" type="submit" data-bd-sms-resend
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                        data-cooldown="${bdSmsCode.cooldownSeconds?c}" data-can-resend="${bdSmsCode.canResend?c}"
                        <#if bdSmsCode.cooldownSeconds gt 0>aria-describedby="${id}-cooldown"</#if>
                        <#if bdSmsCode.cooldownSeconds gt 0 || !bdSmsCode.canResend>disabled</#if>>
                    <#if bdSmsCode.started>${msg("bdSmsOtpResend")}<#else>${msg("bdSmsOtpRetry")}</#if>
                </button>
            </div>
        </div>
        <#if bdSmsCode.cooldownSeconds gt 0>
            <p id="${id}-cooldown" data-bd-sms-cooldown data-text="${msg('bdSmsOtpCooldownHint', '{0}')}">${msg("bdSmsOtpCooldownHint", bdSmsCode.cooldownSeconds?c)}</p>
        </#if>
    </form>
    <script src="${url.resourcesPath}/js/bd-sms-code.js" defer></script>
</#macro>
