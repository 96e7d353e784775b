package dev.flexconf.server.frontdoor;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes FlexConf's certificates with BouncyCastle (over the JDK's own crypto providers): a root and an
 * issuing CA below it, both name-constrained to {@link TwilioHosts}, and the server certificate the
 * issuing CA signs for exactly those names. Only used when something must be issued, so a start that reuses its CA folder loads none of
 * BouncyCastle. Stateless.
 */
final class Certificates {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE = "SHA256withECDSA";

    private Certificates() {
    }

    /** A new P-256 key pair. */
    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    /**
     * A self-signed root certificate for {@code keys}, valid for {@code lifetime}, that may vouch only for
     * the names of {@link TwilioHosts} (and sign one level of CA below it).
     */
    static X509Certificate root(KeyPair keys, Duration lifetime) throws GeneralSecurityException {
        String id = new BigInteger(32, RANDOM).toString(16);
        X500Name name = new X500Name("CN=FlexConf local CA " + id + ",O=FlexConf emulator (name-constrained)");
        Instant now = Instant.now();
        return sign(ca(new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(lifetime)), name, keys.getPublic()), keys.getPublic(), null, 1), keys.getPrivate());
    }

    /**
     * The CA that issues server certificates: signed by {@code root}, as long-lived, name-constrained the
     * same way, and able to sign end-entity certificates only. Its own name constraints are what a Java
     * client checks (the JDK ignores those of a trust anchor).
     */
    static X509Certificate issuer(PublicKey key, X509Certificate root, PrivateKey rootKey) throws GeneralSecurityException {
        X500Name name = new X500Name(root.getSubjectX500Principal().getName().replace("CN=FlexConf local CA ", "CN=FlexConf issuing CA "));
        return sign(ca(new JcaX509v3CertificateBuilder(root, serial(), root.getNotBefore(), root.getNotAfter(), name, key),
                key, root, 0), rootKey);
    }

    private static X509v3CertificateBuilder ca(X509v3CertificateBuilder builder, PublicKey key, X509Certificate parent, int pathLength)
            throws GeneralSecurityException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            if (parent != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(parent));
            }
            builder.addExtension(Extension.nameConstraints, true, new NameConstraints(permittedSubtrees(), null));
        } catch (org.bouncycastle.cert.CertIOException e) {
            throw new GeneralSecurityException("cannot encode a CA's extensions", e);
        }
        return builder;
    }

    /**
     * A server certificate for {@code serverKey}, issued by {@code ca} for every name and loopback
     * address of {@link TwilioHosts}, valid for {@code lifetime} but never past the CA.
     */
    static X509Certificate server(PublicKey serverKey, X509Certificate ca, PrivateKey caKey, Duration lifetime)
            throws GeneralSecurityException {
        Instant now = Instant.now();
        Instant end = now.plus(lifetime);
        if (end.isAfter(ca.getNotAfter().toInstant())) {
            end = ca.getNotAfter().toInstant();
        }
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(end),
                new X500Name("CN=" + TwilioHosts.FLEX_API + ",O=FlexConf emulator"), serverKey);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(serverKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames());
        } catch (org.bouncycastle.cert.CertIOException e) {
            throw new GeneralSecurityException("cannot encode the server certificate's extensions", e);
        }
        return sign(builder, caKey);
    }

    private static GeneralSubtree[] permittedSubtrees() throws GeneralSecurityException {
        List<GeneralSubtree> permitted = new ArrayList<>();
        for (String name : TwilioHosts.dnsNames()) {
            permitted.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, name)));
        }
        for (String address : TwilioHosts.LOOPBACK_ADDRESSES) {
            byte[] ip = addressBytes(address);
            byte[] withMask = new byte[ip.length * 2];
            System.arraycopy(ip, 0, withMask, 0, ip.length);
            for (int i = ip.length; i < withMask.length; i++) {
                withMask[i] = (byte) 0xff;
            }
            permitted.add(new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(withMask))));
        }
        return permitted.toArray(GeneralSubtree[]::new);
    }

    private static GeneralNames subjectAlternativeNames() throws GeneralSecurityException {
        List<GeneralName> names = new ArrayList<>();
        for (String name : TwilioHosts.dnsNames()) {
            names.add(new GeneralName(GeneralName.dNSName, name));
        }
        for (String address : TwilioHosts.LOOPBACK_ADDRESSES) {
            names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(addressBytes(address))));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static byte[] addressBytes(String literal) throws GeneralSecurityException {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new GeneralSecurityException("not an address literal: " + literal, e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with " + SIGNATURE, e);
        }
    }
}
