<#--
  Error page of the binhduong theme: base's error.ftl in keycloak.v2's layout, with the message in an alert box and,
  when the error happened during a sign-in (the client is known), a way back to the sign-in page.
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: error.ftl (binhduong) -->
    <#if section = "header">
        ${kcSanitize(msg("errorTitle"))?no_esc}
    <#elseif section = "form">
        <div id="kc-error-message">
            <div class="${properties.kcAlertClass!} pf-m-danger bd-error-alert" role="alert">
                <div class="${properties.kcAlertIconClass!}"><span class="${properties.kcFeedbackErrorIcon!}" aria-hidden="true"></span></div>
                <p class="${properties.kcAlertTitleClass!} kc-feedback-text">${kcSanitize(message.summary)?no_esc}</p>
            </div>
            <#if traceId??>
                <p class="instruction" id="traceId">${msg("traceIdSupportMessage", traceId)}</p>
            </#if>
            <#if !skipLink??>
                <#if client??>
                    <p><a id="bd-error-restart" href="${url.loginRestartFlowUrl}">${msg("backToLogin")}</a></p>
                </#if>
                <#if client?? && client.baseUrl?has_content>
                    <p><a id="backToApplication" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
                </#if>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
