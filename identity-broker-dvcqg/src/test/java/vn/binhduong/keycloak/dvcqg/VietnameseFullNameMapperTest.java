package vn.binhduong.keycloak.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VietnameseFullNameMapperTest {

    @Test
    void theFamilyNameComesFirst() {
        assertThat(VietnameseFullNameMapper.fullName("Nguyễn", "Văn An")).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void aMissingPartIsLeftOut() {
        assertThat(VietnameseFullNameMapper.fullName("Nguyễn", " ")).isEqualTo("Nguyễn");
        assertThat(VietnameseFullNameMapper.fullName(null, "An")).isEqualTo("An");
        assertThat(VietnameseFullNameMapper.fullName(null, null)).isNull();
    }
}
