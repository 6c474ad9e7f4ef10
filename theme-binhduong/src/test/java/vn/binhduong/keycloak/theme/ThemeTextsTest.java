package vn.binhduong.keycloak.theme;

/** The theme's own templates and messages. */
class ThemeTextsTest implements ThemeTexts {
}
