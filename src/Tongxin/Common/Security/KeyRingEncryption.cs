using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Tongxin.Common.Security;

/// <summary>
/// Encrypts the data-protection key ring (the keys behind sign-in cookies and anti-forgery tokens, stored in the
/// database so that every server shares them) with the field-encryption key from the keys folder: a copy of the
/// database alone cannot forge a sign-in. Keys written before this existed stay readable (they are not encrypted).
/// </summary>
public sealed class KeyRingEncryptor(FieldProtector protector) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement("encryptedKey",
                new XComment(" encrypted with the field key in the data directory's keys folder "),
                new XElement("value", protector.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting)))),
            typeof(KeyRingDecryptor));
}

/// <summary>Reads what <see cref="KeyRingEncryptor"/> wrote; created by data protection with the service provider.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var protector = (FieldProtector?)services.GetService(typeof(FieldProtector))
            ?? throw new InvalidOperationException("The field-encryption keys are not loaded.");
        var plain = protector.Decrypt((string?)encryptedElement.Element("value"))
            ?? throw new CryptographicException("An encrypted data-protection key has no value.");
        return XElement.Parse(plain);
    }
}
