package vn.binhduong.keycloak.captcha;

import vn.binhduong.keycloak.theme.ThemeTexts;

/** This module's captcha macro and its messages (theme-resources). */
class ThemeTextsTest implements ThemeTexts {
}
