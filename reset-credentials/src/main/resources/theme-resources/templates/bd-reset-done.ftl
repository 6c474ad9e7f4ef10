<#--
  Password reset, done: the link restarts this login at its first page (the reset signs no one in).
-->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("bdResetDoneTitle")}
    <#elseif section = "form">
        <p id="bd-reset-done-message">${msg("bdResetDoneMessage")}</p>
        <@buttons.actionGroup>
            <@buttons.buttonLink id="bd-reset-to-login" href=url.loginRestartFlowUrl label="bdResetToLogin" class=["kcButtonPrimaryClass", "kcButtonBlockClass"]/>
        </@buttons.actionGroup>
    </#if>
</@layout.registrationLayout>
