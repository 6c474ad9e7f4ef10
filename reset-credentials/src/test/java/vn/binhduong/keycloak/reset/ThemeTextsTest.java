package vn.binhduong.keycloak.reset;

import vn.binhduong.keycloak.theme.ThemeTexts;

/** This module's templates and messages (theme-resources). */
class ThemeTextsTest implements ThemeTexts {
}
