<#--
  Login page of the binhduong theme, in keycloak.v2's layout. Contract with the flow:
  - the identity provider with alias "dvcqg" (from social.providers) is the first and main button;
  - the username/password form shows only when the attribute "directLoginEnabled" is the boolean true
    (set by the direct-login step when ops switch it on); any other value or its absence hides it;
  - the login name's hint names the phone number too when the attribute "directLoginByPhone" is true;
  - "Quên mật khẩu?" shows whenever the realm allows a reset: in the password form, or under the DVCQG button
    while the form is hidden, since that reset is how an official prepares a password before direct login is on.
-->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "social-providers.ftl" as identityProviders>
<#assign providers = (social.providers)![]>
<#assign dvcqgProviders = providers?filter(p -> p.alias == "dvcqg")>
<#assign otherProviders = providers?filter(p -> p.alias != "dvcqg")>
<#assign directLogin = directLoginEnabled?? && directLoginEnabled?is_boolean && directLoginEnabled>
<#assign showPasswordForm = realm.password && directLogin>
<#assign byPhone = directLoginByPhone?? && directLoginByPhone?is_boolean && directLoginByPhone>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password'); section>
<!-- template: login.ftl (binhduong) -->

    <#if section = "header">
        ${msg("loginAccountTitle")}
    <#elseif section = "form">
        <div id="kc-form">
          <div id="kc-form-wrapper">
            <#list dvcqgProviders as p>
                <a id="bd-dvcqg-login" data-once-link data-disabled-class="${properties.kcFormSocialAccountListButtonDisabledClass!}"
                   class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" href="${p.loginUrl}">${msg("bdDvcqgLoginButton")}</a>
            </#list>
            <#if realm.resetPasswordAllowed && !showPasswordForm>
                <div id="bd-forgot-password" class="bd-forgot-password">
                    <a href="${url.loginResetCredentialsUrl}">${msg("doForgotPassword")}</a>
                </div>
            </#if>
            <#if showPasswordForm>
                <#if directLogin>
                    <div id="bd-direct-login-banner" class="bd-direct-login-banner" role="status">${msg("bdDirectLoginBanner")}</div>
                </#if>
                <#if dvcqgProviders?has_content>
                    <div class="bd-separator">${msg("bdLoginSeparator")}</div>
                </#if>
                <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <#assign usernameError = messagesPerField.getFirstError('username','password')>
                    <@field.group name="username" label=msg("bdLoginUsername") error=usernameError>
                        <span class="${properties.kcInputClass!} <#if usernameError?has_content>${properties.kcError!}</#if>">
                            <input id="username" name="username" value="${login.username!''}" type="text" autocomplete="username"
                                   autofocus placeholder="${msg(byPhone?then('bdLoginUsernameOrPhonePlaceholder', 'bdLoginUsernamePlaceholder'))}"
                                   aria-invalid="<#if usernameError?has_content>true</#if>"/>
                            <@field.errorIcon error=usernameError/>
                        </span>
                    </@field.group>
                    <@field.password name="password" label=msg("password") error="" forgotPassword=realm.resetPasswordAllowed autocomplete="current-password">
                        <#if realm.rememberMe>
                            <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                        </#if>
                    </@field.password>
                    <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>/>
                    <@buttons.loginButton />
                </form>
            </#if>
          </div>
        </div>
    <#elseif section = "socialProviders">
        <#if otherProviders?has_content>
            <@identityProviders.show social={"providers": otherProviders}/>
        </#if>
    </#if>

</@layout.registrationLayout>
