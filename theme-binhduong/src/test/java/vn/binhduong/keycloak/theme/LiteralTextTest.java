package vn.binhduong.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiteralTextTest {

    @Test
    void seesTextAndAttributesButNotExpressions() {
        String template = """
                <#-- a comment -->
                <#if (a > b)><span class="${properties.kcX!}">${msg("key")}</span></#if>
                <input placeholder="Nhập số" aria-label="${msg('k')}"/> Quên mật khẩu?
                <script>const x = "ignored";</script> &nbsp; * «
                """;

        assertThat(LiteralText.of(template)).containsExactly("Nhập số", "Quên mật khẩu?");
    }
}
