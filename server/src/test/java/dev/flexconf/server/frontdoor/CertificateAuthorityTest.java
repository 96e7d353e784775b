package dev.flexconf.server.frontdoor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {
    @TempDir
    Path dir;

    @Test
    void aNewFolderGetsACaWithItsKeyReadableByItsOwnerOnly() throws Exception {
        CertificateAuthority ca = CertificateAuthority.open(dir.resolve("ca"));
        Path key = dir.resolve("ca").resolve(CertificateAuthority.ISSUER_KEY);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca").resolve(CertificateAuthority.SERVER_KEY))));
        assertTrue(Files.readString(ca.pemFile()).startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(ca.certificate().getBasicConstraints() >= 0, "a CA certificate");
    }

    @Test
    void eachInstallationGetsItsOwnCa() {
        CertificateAuthority one = CertificateAuthority.open(dir.resolve("one"));
        CertificateAuthority two = CertificateAuthority.open(dir.resolve("two"));
        assertNotEquals(one.certificate().getPublicKey(), two.certificate().getPublicKey());
        assertNotEquals(one.certificate().getSubjectX500Principal(), two.certificate().getSubjectX500Principal());
    }

    @Test
    void aSecondOpenReusesTheCaAndItsFiles() throws Exception {
        CertificateAuthority first = CertificateAuthority.open(dir.resolve("ca"));
        Map<String, byte[]> before = contents(dir.resolve("ca"));
        CertificateAuthority second = CertificateAuthority.open(dir.resolve("ca"));
        assertEquals(first.certificate(), second.certificate());
        assertEquals(serverCertificate(first.serverKeyStore()), serverCertificate(second.serverKeyStore()));
        assertSameContents(before, contents(dir.resolve("ca")));
    }

    @Test
    void concurrentFirstOpensAgreeOnOneCa() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CertificateAuthority>> opens = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opens.add(pool.submit(() -> CertificateAuthority.open(dir.resolve("shared"))));
            }
            Set<X509Certificate> cas = new HashSet<>();
            for (Future<CertificateAuthority> open : opens) {
                cas.add(open.get().certificate());
            }
            assertEquals(1, cas.size());
        } finally {
            pool.shutdownNow();
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("shared")), left.toList(), "no temporary folder left behind");
        }
    }

    @Test
    void theRootAndTheIssuerMayVouchOnlyForTheEmulatedHosts() throws Exception {
        CertificateAuthority authority = CertificateAuthority.open(dir.resolve("ca"));
        assertConstrained(authority.certificate());
        assertConstrained(issuer(dir.resolve("ca")));
    }

    private static void assertConstrained(X509Certificate ca) throws Exception {
        assertTrue(ca.getCriticalExtensionOIDs().contains(Extension.nameConstraints.getId()), "name constraints are critical");
        NameConstraints constraints = NameConstraints.getInstance(
                ASN1OctetString.getInstance(ca.getExtensionValue(Extension.nameConstraints.getId())).getOctets());
        Set<String> dns = new HashSet<>();
        Set<String> ips = new HashSet<>();
        for (GeneralSubtree subtree : constraints.getPermittedSubtrees()) {
            GeneralName name = subtree.getBase();
            if (name.getTagNo() == GeneralName.dNSName) {
                dns.add(name.getName().toString());
            } else if (name.getTagNo() == GeneralName.iPAddress) {
                ips.add(Base64.getEncoder().encodeToString(ASN1OctetString.getInstance(name.getName()).getOctets()));
            }
        }
        assertEquals(Set.copyOf(TwilioHosts.dnsNames()), dns);
        assertEquals(Set.of(mask("127.0.0.1"), mask("::1")), ips);
        assertTrue(dns.contains("flex-api.twilio.com") && dns.contains("flex-api.ashburn.us1.twilio.com") && dns.contains("localhost"));
    }

    @Test
    void theServerCertificateNamesTheEmulatedHostsAndNothingElse() throws Exception {
        CertificateAuthority ca = CertificateAuthority.open(dir.resolve("ca"));
        X509Certificate server = serverCertificate(ca.serverKeyStore());
        Set<String> names = new HashSet<>();
        for (List<?> san : server.getSubjectAlternativeNames()) {
            names.add(String.valueOf(san.get(1)));
        }
        Set<String> expected = new HashSet<>(TwilioHosts.dnsNames());
        expected.add("127.0.0.1");
        expected.add("0:0:0:0:0:0:0:1");
        assertEquals(expected, names);
        validate(server, issuer(dir.resolve("ca")), ca.certificate());
    }

    /** What the name constraints are for: a certificate for any other site, even signed with the CA's own key, is refused. */
    @Test
    void aCertificateForAnotherSiteSignedWithTheCaKeyIsNotTrusted() throws Exception {
        CertificateAuthority ca = CertificateAuthority.open(dir.resolve("ca"));
        X509Certificate issuer = issuer(dir.resolve("ca"));
        PrivateKey issuerKey = readKey(dir.resolve("ca").resolve(CertificateAuthority.ISSUER_KEY));
        for (String host : List.of("www.example.com", "api.twilio.com", "serverless.twilio.com")) {
            X509Certificate rogue = issue(issuer, issuerKey, new GeneralName(GeneralName.dNSName, host));
            assertThrows(CertPathValidatorException.class, () -> validate(rogue, issuer, ca.certificate()), host);
        }
        X509Certificate rogueIp = issue(issuer, issuerKey,
                new GeneralName(GeneralName.iPAddress, new DEROctetString(InetAddress.getByName("10.1.2.3").getAddress())));
        assertThrows(CertPathValidatorException.class, () -> validate(rogueIp, issuer, ca.certificate()));
        X509Certificate allowed = issue(issuer, issuerKey, new GeneralName(GeneralName.dNSName, "flex-api.twilio.com"));
        validate(allowed, issuer, ca.certificate());
    }

    @Test
    void aCorruptCertificateIsRefusedAndTheFolderLeftUntouched() throws Exception {
        CertificateAuthority.open(dir.resolve("ca"));
        Files.writeString(dir.resolve("ca").resolve(CertificateAuthority.CA_PEM), "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
        assertRefusedUntouched("ca.pem is not a PEM certificate");
    }

    @Test
    void aCorruptKeyIsRefusedAndTheFolderLeftUntouched() throws Exception {
        CertificateAuthority.open(dir.resolve("ca"));
        Files.writeString(dir.resolve("ca").resolve(CertificateAuthority.ISSUER_KEY), "garbage");
        assertRefusedUntouched("issuer-key.pem is not a PEM private key");
    }

    @Test
    void aKeyOfAnotherCaIsRefused() throws Exception {
        CertificateAuthority.open(dir.resolve("ca"));
        CertificateAuthority.open(dir.resolve("other"));
        Files.copy(dir.resolve("other").resolve(CertificateAuthority.ISSUER_KEY), dir.resolve("ca").resolve(CertificateAuthority.ISSUER_KEY),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRefusedUntouched("issuer-key.pem is not the key of issuer.pem");
    }

    @Test
    void anIssuerNotSignedByTheRootIsRefused() throws Exception {
        CertificateAuthority.open(dir.resolve("ca"));
        CertificateAuthority.open(dir.resolve("other"));
        Files.copy(dir.resolve("other").resolve(CertificateAuthority.CA_PEM), dir.resolve("ca").resolve(CertificateAuthority.CA_PEM),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRefusedUntouched("issuer.pem is not signed by ca.pem");
    }

    /** The root signs the issuing CA once and its key is never written: nothing unconstrained can be signed later. */
    @Test
    void theRootKeyIsNotKept() throws Exception {
        CertificateAuthority ca = CertificateAuthority.open(dir.resolve("ca"));
        assertEquals(Set.of("ca.pem", "issuer.pem", "issuer-key.pem", "truststore.p12", "server.pem", "server-key.pem"), contents(dir.resolve("ca")).keySet());
        PrivateKey kept = readKey(dir.resolve("ca").resolve(CertificateAuthority.ISSUER_KEY));
        assertThrows(java.security.SignatureException.class, () -> issue(ca.certificate(), kept,
                new GeneralName(GeneralName.dNSName, TwilioHosts.FLEX_API)).verify(ca.certificate().getPublicKey()));
    }

    @Test
    void aKeyOthersMayReadIsRefused() throws Exception {
        CertificateAuthority.open(dir.resolve("ca"));
        Files.setPosixFilePermissions(dir.resolve("ca").resolve(CertificateAuthority.ISSUER_KEY), PosixFilePermissions.fromString("rw-r--r--"));
        assertRefusedUntouched("chmod 600");
    }

    @Test
    void aFolderWithoutItsKeyIsRefusedNeverReplacedByANewCa() throws Exception {
        CertificateAuthority.open(dir.resolve("ca"));
        Files.delete(dir.resolve("ca").resolve(CertificateAuthority.ISSUER_KEY));
        assertRefusedUntouched("issuer-key.pem missing");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefused() throws Exception {
        Files.writeString(dir.resolve("ca"), "a file");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CertificateAuthority.open(dir.resolve("ca")));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
        assertEquals("a file", Files.readString(dir.resolve("ca")));
    }

    @Test
    void aMissingServerCertificateIsIssuedAgainByTheSameCa() throws Exception {
        CertificateAuthority first = CertificateAuthority.open(dir.resolve("ca"));
        Files.delete(dir.resolve("ca").resolve(CertificateAuthority.SERVER_KEY));
        CertificateAuthority second = CertificateAuthority.open(dir.resolve("ca"));
        assertEquals(first.certificate(), second.certificate());
        validate(serverCertificate(second.serverKeyStore()), issuer(dir.resolve("ca")), first.certificate());
        assertTrue(Files.exists(dir.resolve("ca").resolve(CertificateAuthority.SERVER_KEY)));
        assertNotEquals(serverCertificate(first.serverKeyStore()), serverCertificate(second.serverKeyStore()));
    }

    @Test
    void theTrustStoreHoldsTheCaAlone() throws Exception {
        CertificateAuthority ca = CertificateAuthority.open(dir.resolve("ca"));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(ca.trustStoreFile())) {
            trust.load(in, CertificateAuthority.TRUSTSTORE_PASSWORD.toCharArray());
        }
        assertEquals(1, trust.size());
        assertEquals(ca.certificate(), trust.getCertificate(trust.aliases().nextElement()));
    }

    private void assertRefusedUntouched(String why) throws Exception {
        Map<String, byte[]> before = contents(dir.resolve("ca"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CertificateAuthority.open(dir.resolve("ca")));
        assertTrue(e.getMessage().contains("is refused") && e.getMessage().contains(why), e.getMessage());
        assertSameContents(before, contents(dir.resolve("ca")));
    }

    private static Map<String, byte[]> contents(Path folder) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (var list = Files.list(folder)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static void assertSameContents(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
    }

    private static String mask(String address) throws Exception {
        byte[] ip = InetAddress.getByName(address).getAddress();
        byte[] withMask = new byte[ip.length * 2];
        System.arraycopy(ip, 0, withMask, 0, ip.length);
        java.util.Arrays.fill(withMask, ip.length, withMask.length, (byte) 0xff);
        return Base64.getEncoder().encodeToString(withMask);
    }

    private static X509Certificate serverCertificate(KeyStore store) throws Exception {
        return (X509Certificate) store.getCertificateChain(store.aliases().nextElement())[0];
    }

    /** Validates as the JDK's trust manager does: the root a trust anchor (its own constraints unread), the issuer in the path. */
    private static void validate(X509Certificate leaf, X509Certificate issuer, X509Certificate root) throws Exception {
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, issuer)), params);
    }

    private static X509Certificate issuer(Path folder) throws Exception {
        try (var in = Files.newInputStream(folder.resolve(CertificateAuthority.ISSUER_PEM))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey readKey(Path pem) throws Exception {
        String text = Files.readString(pem, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(text)));
    }

    private static X509Certificate issue(X509Certificate ca, PrivateKey caKey, GeneralName name) throws Exception {
        KeyPair keys = Certificates.newKeyPair();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
                new X500Name("CN=rogue"), keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(name));
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey)));
    }
}
