package dev.funnel.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileSizesTest {

    @Test
    void sizesAreShownInBytesKilobytesAndMegabytes() {
        assertThat(FileSizes.describe(812)).isEqualTo("812 bytes");
        assertThat(FileSizes.describe(2150)).isEqualTo("2.1 KB");
        assertThat(FileSizes.describe(5 * 1024 * 1024)).isEqualTo("5.0 MB");
    }
}
