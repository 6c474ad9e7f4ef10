package vn.binhduong.keycloak.directlogin;

import vn.binhduong.keycloak.theme.ThemeTexts;

/** This module's templates and messages (theme-resources). */
class ThemeTextsTest implements ThemeTexts {
}
