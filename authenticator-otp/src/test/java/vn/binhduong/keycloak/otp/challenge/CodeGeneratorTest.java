package vn.binhduong.keycloak.otp.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CodeGeneratorTest {

    private final CodeGenerator generator = new CodeGenerator(new SecureRandom());

    @Test
    void codesHaveTheAskedNumberOfDigits() {
        for (int i = 0; i < 1000; i++) {
            assertThat(generator.next(6)).matches("\\d{6}");
        }
    }

    @Test
    void everyDigitAppearsInEveryPositionIncludingLeadingZeros() {
        Set<String> firstDigits = new HashSet<>();
        Set<String> lastDigits = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = generator.next(6);
            firstDigits.add(code.substring(0, 1));
            lastDigits.add(code.substring(5));
        }
        assertThat(firstDigits).hasSize(10);
        assertThat(lastDigits).hasSize(10);
    }

    @Test
    void codesRarelyRepeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            codes.add(generator.next(6));
        }
        assertThat(codes.size()).isGreaterThan(190);
    }

    @Test
    void impossibleLengthsAreRefused() {
        assertThatThrownBy(() -> generator.next(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.next(11)).isInstanceOf(IllegalArgumentException.class);
    }
}
