package vn.binhduong.keycloak.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.IdentityBrokerException;

class DvcqgProfileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode citizen() {
        return JSON.createObjectNode().put("TechID", "T-1").put("LoaiTaiKhoan", 1).put("SoDinhDanh", "074090000001")
                .put("SoCMND", "074090000001").put("HoVaTen", "Nguyễn Văn An").put("ThuDienTu", "")
                .put("SoDienThoai", "0912345678").put("NgayThangNamSinh", "19900115");
    }

    private static ObjectNode enterprise() {
        return JSON.createObjectNode().put("TechID", "T-4").put("LoaiTaiKhoan", 2).put("SoDinhDanh", "")
                .put("MaSoThue", "3700000004").put("MaSoDoanhNghiep", "3700000004")
                .put("TenDoanhNghiep", "Công ty TNHH Ví Dụ").put("DiaChi", "VSIP I");
    }

    private static String refusalOf(ObjectNode userInfo) {
        return refusalOf(userInfo, DvcqgClaimNames.defaults());
    }

    private static String refusalOf(ObjectNode userInfo, DvcqgClaimNames names) {
        try {
            DvcqgProfile.from(userInfo, names);
        } catch (IdentityBrokerException e) {
            return e.getMessageCode();
        }
        throw new AssertionError("accepted " + userInfo);
    }

    @Test
    void citizenIsKnownByTheCccdWithAnIsoBirthDateAndAnE164Phone() {
        DvcqgProfile profile = DvcqgProfile.from(citizen(), DvcqgClaimNames.defaults());

        assertThat(profile.techId()).isEqualTo("T-1");
        assertThat(profile.accountType()).isEqualTo(DvcqgProfile.AccountType.CITIZEN);
        assertThat(profile.username()).isEqualTo("074090000001");
        assertThat(profile.birthDate()).isEqualTo("1990-01-15");
        assertThat(profile.phoneE164()).isEqualTo("+84912345678");
        assertThat(profile.email()).as("empty e-mail is no e-mail").isNull();
    }

    @Test
    void citizenWithoutCccdFallsBackToTheOldNineDigitCard() {
        assertThat(DvcqgProfile.from(citizen().put("SoDinhDanh", "").put("SoCMND", "280000001"), DvcqgClaimNames.defaults()).username())
                .isEqualTo("280000001");
    }

    @Test
    void malformedIdentifiersAreRefused() {
        assertThat(refusalOf(citizen().put("SoDinhDanh", "07409000000X"))).isEqualTo(DvcqgRefusal.INVALID_IDENTIFIER);
        assertThat(refusalOf(citizen().put("SoDinhDanh", "0740900000"))).isEqualTo(DvcqgRefusal.INVALID_IDENTIFIER);
        assertThat(refusalOf(citizen().put("SoDinhDanh", "").put("SoCMND", "2800000011"))).isEqualTo(DvcqgRefusal.INVALID_IDENTIFIER);
        assertThat(refusalOf(citizen().put("SoDinhDanh", "").put("SoCMND", ""))).isEqualTo(DvcqgRefusal.INVALID_IDENTIFIER);
        assertThat(refusalOf(enterprise().put("MaSoDoanhNghiep", "37000 00004"))).isEqualTo(DvcqgRefusal.INVALID_IDENTIFIER);
    }

    @Test
    void enterpriseIsKnownByItsEnterpriseCodeElseItsTaxCode() {
        DvcqgProfile profile = DvcqgProfile.from(enterprise(), DvcqgClaimNames.defaults());
        assertThat(profile.username()).isEqualTo("3700000004");
        assertThat(profile.enterpriseName()).isEqualTo("Công ty TNHH Ví Dụ");
        assertThat(profile.enterpriseAddress()).isEqualTo("VSIP I");
        assertThat(DvcqgProfile.from(enterprise().put("MaSoDoanhNghiep", "").put("MaSoThue", "3700000004-001"), DvcqgClaimNames.defaults()).username())
                .isEqualTo("3700000004-001");
    }

    @Test
    void missingTechIdAndUnknownAccountTypesAreRefused() {
        ObjectNode noTechId = citizen();
        noTechId.remove("TechID");
        assertThat(refusalOf(noTechId)).isEqualTo(DvcqgRefusal.MISSING_TECH_ID);
        assertThat(refusalOf(citizen().put("TechID", " "))).isEqualTo(DvcqgRefusal.MISSING_TECH_ID);
        assertThat(refusalOf(citizen().put("LoaiTaiKhoan", 9))).isEqualTo(DvcqgRefusal.ACCOUNT_TYPE);
        ObjectNode noType = citizen();
        noType.remove("LoaiTaiKhoan");
        assertThat(refusalOf(noType)).isEqualTo(DvcqgRefusal.ACCOUNT_TYPE);
    }

    @Test
    void accountTypeMayComeAsText() {
        assertThat(DvcqgProfile.from(enterprise().put("LoaiTaiKhoan", "2"), DvcqgClaimNames.defaults()).accountType())
                .isEqualTo(DvcqgProfile.AccountType.ENTERPRISE);
    }

    @Test
    void birthDatesThatAreNotRealDatesAreLeftOut() {
        assertThat(DvcqgProfile.isoBirthDate("19781203")).isEqualTo("1978-12-03");
        assertThat(DvcqgProfile.isoBirthDate("19900230")).isNull();
        assertThat(DvcqgProfile.isoBirthDate("15/01/1990")).isNull();
        assertThat(DvcqgProfile.isoBirthDate(null)).isNull();
    }

    @Test
    void vietnamesePhoneNumbersBecomeE164() {
        assertThat(DvcqgProfile.phoneE164("0987654321")).isEqualTo("+84987654321");
        assertThat(DvcqgProfile.phoneE164("+84 987 654 321")).isEqualTo("+84987654321");
        assertThat(DvcqgProfile.phoneE164("84987654321")).isEqualTo("+84987654321");
        assertThat(DvcqgProfile.phoneE164("0274 3822 222")).as("landline").isEqualTo("+842743822222");
        assertThat(DvcqgProfile.phoneE164("0274000004")).as("no such number").isNull();
        assertThat(DvcqgProfile.phoneE164("+33 6 12 34 56 78")).as("foreign").isNull();
        assertThat(DvcqgProfile.phoneE164("12345")).isNull();
        assertThat(DvcqgProfile.phoneE164("00912345678")).isNull();
    }

    @Test
    void claimNamesComeFromTheConfigurationWhereTheAdminRenamedThem() {
        ObjectNode renamed = JSON.createObjectNode().put("techId", "T-9").put("accountType", 1)
                .put("cccd", "074090000009").put("fullName", "Trần Thị Bích Ngọc").put("mobile", "0987654321");
        DvcqgClaimNames names = DvcqgClaimNames.from(Map.of(DvcqgClaim.TECH_ID.configKey(), "techId",
                DvcqgClaim.ACCOUNT_TYPE.configKey(), "accountType", DvcqgClaim.PERSONAL_ID.configKey(), " cccd ",
                DvcqgClaim.FULL_NAME.configKey(), "fullName", DvcqgClaim.PHONE.configKey(), "mobile",
                DvcqgClaim.EMAIL.configKey(), ""));

        DvcqgProfile profile = DvcqgProfile.from(renamed, names);

        assertThat(profile.techId()).isEqualTo("T-9");
        assertThat(profile.username()).isEqualTo("074090000009");
        assertThat(profile.fullName()).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(profile.phoneE164()).isEqualTo("+84987654321");
        assertThat(names.of(DvcqgClaim.EMAIL)).as("blank keeps the default").isEqualTo("ThuDienTu");
        assertThat(refusalOf(citizen(), names)).as("the default names no longer count").isEqualTo(DvcqgRefusal.MISSING_TECH_ID);
    }
}
