package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The seed crate's defaults, and rejection of impossible values with the field's name. */
class KadConfigTest {

    @Test
    void defaultsAreTheSeedCratesDefaults() {
        KadConfig c = KadConfig.defaults();
        assertThat(c.k()).isEqualTo(20);
        assertThat(c.alpha()).isEqualTo(3);
        assertThat(c.rpcTimeoutMs()).isEqualTo(5_000);
        assertThat(c.refreshIntervalMs()).isEqualTo(3_600_000);
        assertThat(c.maxRecords()).isEqualTo(1024);
        assertThat(c.bits()).isEqualTo(160);
        assertThat(c.lookupMode()).isEqualTo(LookupMode.SLIDING);
        assertThat(c.keySpace().bits()).isEqualTo(160);
        assertThat(c.maxFailures()).isPositive();
        assertThat(c.replacementCacheSize()).isNotNegative();
        assertThat(KadConfig.builder().build()).isEqualTo(c);
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        KadConfig c = KadConfig.builder().bits(8).k(4).alpha(2).lookupMode(LookupMode.ROUNDS).build();
        assertThat(c.bits()).isEqualTo(8);
        assertThat(c.k()).isEqualTo(4);
        assertThat(c.alpha()).isEqualTo(2);
        assertThat(c.lookupMode()).isEqualTo(LookupMode.ROUNDS);
        assertThat(c.rpcTimeoutMs()).isEqualTo(5_000);
        assertThat(c.toBuilder().build()).isEqualTo(c);
        // the smallest legal values are accepted
        KadConfig min = KadConfig.builder().bits(1).k(1).alpha(1).rpcTimeoutMs(1).refreshIntervalMs(1).maxRecords(1)
                .recordTtlMs(1).publisherRepublishMs(1).holderRepublishMs(1).maxFailures(1).replacementCacheSize(0)
                .build();
        assertThat(min.replacementCacheSize()).isZero();
        assertThat(KadConfig.builder().bits(160).build().bits()).isEqualTo(160);
    }

    private static void assertRejected(UnaryOperator<KadConfig.Builder> change, String field, String value) {
        assertThatThrownBy(() -> change.apply(KadConfig.builder()).build())
                .as("setting %s to %s", field, value)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field + " ")
                .hasMessageContaining(value);
    }

    @Test
    void impossibleValuesAreRejectedWithTheFieldsName() {
        assertRejected(b -> b.k(0), "k", "0");
        assertRejected(b -> b.k(-3), "k", "-3");
        assertRejected(b -> b.alpha(0), "alpha", "0");
        assertRejected(b -> b.bits(0), "bits", "0");
        assertRejected(b -> b.bits(500), "bits", "500");
        assertRejected(b -> b.bits(161), "bits", "161");
        assertRejected(b -> b.rpcTimeoutMs(-1), "rpc_timeout_ms", "-1");
        assertRejected(b -> b.rpcTimeoutMs(0), "rpc_timeout_ms", "0");
        assertRejected(b -> b.refreshIntervalMs(-5), "refresh_interval_ms", "-5");
        assertRejected(b -> b.maxRecords(0), "max_records", "0");
        assertRejected(b -> b.recordTtlMs(0), "record_ttl_ms", "0");
        assertRejected(b -> b.publisherRepublishMs(0), "publisher_republish_ms", "0");
        assertRejected(b -> b.holderRepublishMs(-1), "holder_republish_ms", "-1");
        assertRejected(b -> b.maxFailures(0), "max_failures", "0");
        assertRejected(b -> b.replacementCacheSize(-1), "replacement_cache_size", "-1");
        assertThatThrownBy(() -> KadConfig.builder().lookupMode(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lookup_mode");
    }
}
