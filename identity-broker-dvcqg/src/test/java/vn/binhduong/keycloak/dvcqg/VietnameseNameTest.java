package vn.binhduong.keycloak.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VietnameseNameTest {

    @Test
    void familyNameIsTheFirstWord() {
        assertThat(VietnameseName.split("Nguyễn Văn An")).isEqualTo(new VietnameseName("Nguyễn", "Văn An"));
        assertThat(VietnameseName.split("Trần Thị Bích Ngọc")).isEqualTo(new VietnameseName("Trần", "Thị Bích Ngọc"));
    }

    @Test
    void extraSpacesDoNotMakeEmptyNames() {
        assertThat(VietnameseName.split("  Lê   Hoàng  Minh ")).isEqualTo(new VietnameseName("Lê", "Hoàng Minh"));
    }

    @Test
    void aSingleWordIsTheFamilyNameAndNothingIsAFamilyNameOfNothing() {
        assertThat(VietnameseName.split("Bảo")).isEqualTo(new VietnameseName("Bảo", null));
        assertThat(VietnameseName.split(null)).isEqualTo(new VietnameseName(null, null));
    }
}
