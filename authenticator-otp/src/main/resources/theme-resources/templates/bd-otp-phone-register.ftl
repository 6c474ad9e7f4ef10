<#import "template.ftl" as layout>
<#import "bd-captcha.ftl" as captcha>
<@layout.registrationLayout displayMessage=true; section>
    <#if section="header">
        <#if bdOtpPhoneMode == "update">${msg("bdOtpPhoneUpdateTitle")}<#else>${msg("bdOtpPhoneRegisterTitle")}</#if>
    <#elseif section="form">
        <#if bdOtpPhoneOld??>
            <p id="bd-otp-phone-old">${msg("bdOtpPhoneReplacing", bdOtpPhoneOld)}</p>
        </#if>
        <p id="bd-otp-phone-hint">${msg("bdOtpPhoneCodeWillBeSent")}</p>
        <form id="bd-otp-phone-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if bdOtpPhoneDvcqg??>
                <fieldset class="${properties.kcFormGroupClass!}">
                    <legend class="${properties.kcLabelClass!}">${msg("bdOtpPhoneSourceLegend")}</legend>
                    <div>
                        <input type="radio" id="bd-otp-phone-source-dvcqg" name="source" value="dvcqg"
                               <#if bdOtpPhoneSource == "dvcqg">checked</#if>/>
                        <label for="bd-otp-phone-source-dvcqg">${msg("bdOtpPhoneUseDvcqg", bdOtpPhoneDvcqg)}</label>
                    </div>
                    <div>
                        <input type="radio" id="bd-otp-phone-source-other" name="source" value="other"
                               <#if bdOtpPhoneSource == "other">checked</#if>/>
                        <label for="bd-otp-phone-source-other">${msg("bdOtpPhoneUseOther")}</label>
                    </div>
                </fieldset>
            <#else>
                <input type="hidden" name="source" value="other"/>
            </#if>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormGroupLabelClass!}">
                    <label for="country" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${msg("bdOtpPhoneCountryLabel")}</span></label>
                </div>
                <span class="${properties.kcInputClass!}">
                    <select id="country" name="country">
                        <#list bdOtpPhoneCountries as country>
                            <option value="${country.region}" <#if country.region == bdOtpPhoneCountry>selected</#if>>${country.code} ${country.name}</option>
                        </#list>
                    </select>
                </span>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormGroupLabelClass!}">
                    <label for="phone" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${msg("bdOtpPhoneNumberLabel")}</span></label>
                </div>
                <span class="${properties.kcInputClass!}">
                    <input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel-national" dir="ltr"
                           value="${bdOtpPhoneNumber}" placeholder="${msg("bdOtpPhoneNumberPlaceholder")}"
                           aria-invalid="<#if message?? && message.type == "error">true<#else>false</#if>"/>
                </span>
            </div>
            <@captcha.widget/>
            <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!}">
                    <input class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                           id="bd-otp-phone-submit" type="submit" value="${msg("bdOtpPhoneSubmit")}"/>
                    <#if isAppInitiatedAction??>
                        <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                                id="bd-otp-phone-cancel" type="submit" name="cancel-aia" value="true" formnovalidate>${msg("bdOtpPhoneBack")}</button>
                    </#if>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
