package dev.flexconf.server.frontdoor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * FlexConf's own certificate authority, kept in one folder and made there on first use: unique per
 * installation (no key ships in the jar) and restricted by X.509 name constraints to
 * {@link TwilioHosts}, so that a leaked key cannot vouch for any other site.
 *
 * <p>It is two certificates. The root ({@code ca.pem}, what tools trust: {@code NODE_EXTRA_CA_CERTS},
 * or {@code truststore.p12}, a PKCS12 truststore with the root alone, password
 * {@value #TRUSTSTORE_PASSWORD}) signs the issuing CA ({@code issuer.pem}) once, and its key is then
 * thrown away, so nothing unconstrained can ever be signed. Both carry the name constraints: OpenSSL
 * (Node) checks the root's, the JDK only an intermediate's. The issuing CA's key
 * ({@code issuer-key.pem}, owner-only) signs the server's certificate ({@code server.pem}, with the
 * issuer's after it; its key {@code server-key.pem}, owner-only), issued again when it nears its end. Several processes may open one folder at once: the first to make it wins and
 * the others use it. An existing folder that is incomplete, unreadable or inconsistent is refused with
 * an {@link IllegalStateException} that says why; it is never replaced by a new CA. Immutable once
 * opened; thread-safe.
 */
public final class CertificateAuthority {
    public static final String TRUSTSTORE_PASSWORD = "changeit";
    static final String CA_PEM = "ca.pem";
    static final String ISSUER_PEM = "issuer.pem";
    static final String ISSUER_KEY = "issuer-key.pem";
    static final String TRUSTSTORE = "truststore.p12";
    static final String SERVER_PEM = "server.pem";
    static final String SERVER_KEY = "server-key.pem";
    static final Duration CA_LIFETIME = Duration.ofDays(3650);
    static final Duration SERVER_LIFETIME = Duration.ofDays(397);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    /** Of the in-memory key store only: the server's key is kept on disk as an owner-only PEM file. */
    private static final char[] SERVER_PASSWORD = "flexconf".toCharArray();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String ALIAS = "flexconf";

    private final Path dir;
    private final X509Certificate certificate;
    private final KeyStore serverKeyStore;

    private CertificateAuthority(Path dir, X509Certificate certificate, KeyStore serverKeyStore) {
        this.dir = dir;
        this.certificate = certificate;
        this.serverKeyStore = serverKeyStore;
    }

    /** The user's default folder: {@code ~/.flexconf/ca}. */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".flexconf", "ca");
    }

    /**
     * Opens the CA in {@code dir}, making it first when the folder is absent or empty.
     *
     * @throws IllegalStateException when the folder cannot be made or is not a whole, consistent CA
     */
    public static CertificateAuthority open(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        try {
            if (isAbsentOrEmpty(folder)) {
                make(folder);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make FlexConf's CA in " + folder + ": " + describe(e), e);
        }
        try {
            return load(folder);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the CA folder " + folder + " is refused: " + describe(e)
                    + ". Nothing was changed in it. Mend it, or move it away so that a new CA is made"
                    + " (tools that trusted the old one must then be given the new ca.pem)", e);
        }
    }

    /** The folder it lives in. */
    public Path dir() {
        return dir;
    }

    /** The root CA certificate: what a client trusts. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** {@code ca.pem}: the CA certificate as PEM. */
    public Path pemFile() {
        return dir.resolve(CA_PEM);
    }

    /** {@code truststore.p12}: a PKCS12 truststore holding the CA alone. */
    public Path trustStoreFile() {
        return dir.resolve(TRUSTSTORE);
    }

    /** The CA certificate as PEM text. */
    public String pem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the CA certificate cannot be encoded", e);
        }
    }

    /** The server's key and certificate chain (server, CA) for TLS; its password is {@link #serverKeyPassword()}. */
    public KeyStore serverKeyStore() {
        return serverKeyStore;
    }

    /** The password of {@link #serverKeyStore()}. */
    public String serverKeyPassword() {
        return new String(SERVER_PASSWORD);
    }

    private static boolean isAbsentOrEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Makes the whole CA in a temporary sibling folder, then renames it into place in one step. */
    private static void make(Path dir) throws IOException, GeneralSecurityException {
        Path parent = dir.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + "-");
        try {
            KeyPair rootKeys = Certificates.newKeyPair();
            X509Certificate root = Certificates.root(rootKeys, CA_LIFETIME);
            KeyPair issuerKeys = Certificates.newKeyPair();
            X509Certificate issuer = Certificates.issuer(issuerKeys.getPublic(), root, rootKeys.getPrivate());
            writeOwnerOnly(tmp.resolve(ISSUER_KEY), pem("PRIVATE KEY", issuerKeys.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII));
            Files.writeString(tmp.resolve(ISSUER_PEM), pem("CERTIFICATE", issuer.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(tmp.resolve(CA_PEM), pem("CERTIFICATE", root.getEncoded()), StandardCharsets.US_ASCII);
            Files.write(tmp.resolve(TRUSTSTORE), trustStoreBytes(root));
            writeServer(tmp, issueServer(issuer, issuerKeys.getPrivate()));
            if (isPosix(tmp)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot rename a folder atomically", e);
            } catch (IOException e) {
                if (isAbsentOrEmpty(dir)) {
                    throw e;
                }
                // another process made it first: theirs is the CA
            }
        } finally {
            deleteTree(tmp);
        }
    }

    private static CertificateAuthority load(Path dir) throws IOException, GeneralSecurityException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("it is not a folder");
        }
        for (String name : List.of(CA_PEM, ISSUER_PEM, ISSUER_KEY)) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new NoSuchFileException(dir.resolve(name).toString(), null, "missing: the folder is not a whole CA");
            }
        }
        Path keyFile = dir.resolve(ISSUER_KEY);
        if (isPosix(keyFile)) {
            Set<PosixFilePermission> others = new HashSet<>(Files.getPosixFilePermissions(keyFile));
            others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            if (!others.isEmpty()) {
                throw new IOException(keyFile + " may be used by others than its owner (" + PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(keyFile)) + "); it must be owner-only: chmod 600 " + keyFile);
            }
        }
        X509Certificate root = readCertificate(dir, CA_PEM);
        X509Certificate issuer = readCertificate(dir, ISSUER_PEM);
        PrivateKey key = readPrivateKey(keyFile);
        for (X509Certificate ca : List.of(root, issuer)) {
            if (ca.getBasicConstraints() < 0) {
                throw new GeneralSecurityException((ca == root ? CA_PEM : ISSUER_PEM) + " is not a CA certificate");
            }
            ca.checkValidity();
        }
        try {
            root.verify(root.getPublicKey());
            issuer.verify(root.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException(ISSUER_PEM + " is not signed by " + CA_PEM, e);
        }
        if (!signs(key, issuer)) {
            throw new GeneralSecurityException(ISSUER_KEY + " is not the key of " + ISSUER_PEM);
        }
        if (!Files.exists(dir.resolve(TRUSTSTORE))) {
            writeReplacing(dir.resolve(TRUSTSTORE), trustStoreBytes(root), false);
        }
        return new CertificateAuthority(dir, root, serverKeyStore(dir, issuer, key));
    }

    private static X509Certificate readCertificate(Path dir, String name) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException(name + " is not a PEM certificate (" + e.getMessage() + ")", e);
        }
    }

    /** The stored server certificate and key while whole, issued by this CA and far from their end; else new ones. */
    private static KeyStore serverKeyStore(Path dir, X509Certificate issuer, PrivateKey issuerKey) throws IOException, GeneralSecurityException {
        if (Files.isRegularFile(dir.resolve(SERVER_PEM)) && Files.isRegularFile(dir.resolve(SERVER_KEY))) {
            try (InputStream in = Files.newInputStream(dir.resolve(SERVER_PEM))) {
                Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
                if (isCurrent(chain, issuer)) {
                    return keyStore(readPrivateKey(dir.resolve(SERVER_KEY)), chain);
                }
            } catch (IOException | GeneralSecurityException e) {
                // derived from the CA: a broken one is issued again below
            }
        }
        Issued fresh = issueServer(issuer, issuerKey);
        try {
            writeServer(dir, fresh);
        } catch (IOException e) {
            // a read-only folder: the new certificate serves this process only
        }
        return keyStore(fresh.key(), fresh.chain());
    }

    private static boolean isCurrent(Certificate[] chain, X509Certificate issuer) throws GeneralSecurityException {
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate server)) {
            return false;
        }
        try {
            server.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            return false;
        }
        if (server.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE))) {
            return false;
        }
        Set<String> names = new HashSet<>();
        if (server.getSubjectAlternativeNames() != null) {
            server.getSubjectAlternativeNames().forEach(n -> names.add(String.valueOf(n.get(1))));
        }
        return names.containsAll(TwilioHosts.dnsNames());
    }

    /** A server key with its chain (server, issuer). */
    private record Issued(PrivateKey key, Certificate[] chain) {
    }

    private static Issued issueServer(X509Certificate issuer, PrivateKey issuerKey) throws GeneralSecurityException {
        KeyPair keys = Certificates.newKeyPair();
        X509Certificate server = Certificates.server(keys.getPublic(), issuer, issuerKey, SERVER_LIFETIME);
        return new Issued(keys.getPrivate(), new Certificate[] {server, issuer});
    }

    /** Writes {@code server.pem} (the chain) and {@code server-key.pem} (owner-only) into {@code dir}, each replacing whole. */
    private static void writeServer(Path dir, Issued issued) throws IOException, GeneralSecurityException {
        StringBuilder chain = new StringBuilder();
        for (Certificate c : issued.chain()) {
            chain.append(pem("CERTIFICATE", c.getEncoded()));
        }
        byte[] key = pem("PRIVATE KEY", issued.key().getEncoded()).getBytes(StandardCharsets.US_ASCII);
        byte[] certificates = chain.toString().getBytes(StandardCharsets.US_ASCII);
        writeReplacing(dir.resolve(SERVER_KEY), key, true);
        writeReplacing(dir.resolve(SERVER_PEM), certificates, false);
    }

    /** An in-memory key store for TLS: JKS, which takes a key without the PKCS12 type's costly encryption. */
    private static KeyStore keyStore(PrivateKey key, Certificate[] chain) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, SERVER_PASSWORD, chain);
        return store;
    }

    private static byte[] trustStoreBytes(X509Certificate ca) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("flexconf-ca", ca);
        var out = new java.io.ByteArrayOutputStream();
        store.store(out, TRUSTSTORE_PASSWORD.toCharArray());
        return out.toByteArray();
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException(file.getFileName() + " is not a PEM private key (PKCS#8)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException(file.getFileName() + " is not valid base64", e);
        }
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static boolean signs(PrivateKey key, X509Certificate ca) throws GeneralSecurityException {
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(ca.getPublicKey());
        verifier.update(challenge);
        return verifier.verify(signature);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        if (isPosix(file.getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }

    /** Writes {@code bytes} beside {@code file}, then renames over it: a reader sees the old or the new whole. */
    private static void writeReplacing(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()));
        try {
            if (ownerOnly) {
                writeOwnerOnly(tmp, bytes);
            } else {
                Files.write(tmp, bytes);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temporary folder is harmless
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + " " + (missing.getReason() == null ? "is missing" : missing.getReason());
        }
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
