package vn.binhduong.keycloak.directlogin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfficialsListTest {

    @Test
    void oneNumberPerLineOrTheFirstColumnOfACsvWithItsHeader() {
        OfficialsList list = OfficialsList.parse("so_dinh_danh;ho_ten\r\n074 090 000 501;Nguyễn Văn An\n\n# ghi chú\n"
                + "\"281197043\",Trần Thị Bình\n074090000501\n12345\nabc\n");

        assertThat(list.idNumbers()).containsExactly("074090000501", "281197043");
        assertThat(list.malformed()).containsExactly("12345", "abc");
    }

    @Test
    void anEmptyListIsRefusedInVietnamese() {
        assertThat(Refusals.vietnamese(() -> OfficialsList.parse("\n# only a comment\n")))
                .contains("Danh sách trống");
    }

    @Test
    void theActionIsAddUnlessItSaysRemove() {
        assertThat(OfficialsAction.of(null)).isEqualTo(OfficialsAction.ADD);
        assertThat(OfficialsAction.of("REMOVE")).isEqualTo(OfficialsAction.REMOVE);
        assertThat(Refusals.vietnamese(() -> OfficialsAction.of("delete"))).contains("remove");
    }
}
