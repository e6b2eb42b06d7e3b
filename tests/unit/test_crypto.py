"""The one crypto module: keys round-trip, signatures bind data and key, sealing binds the
recipient and the associated data, and the sender cannot open what it sealed."""

from __future__ import annotations

import pytest

from screening import crypto


def test_keys_round_trip_through_their_raw_bytes():
    signing, encryption = crypto.new_signing_key(), crypto.new_encryption_key()
    again = crypto.load_signing_key(crypto.private_bytes(signing))
    assert crypto.public_bytes(again) == crypto.public_bytes(signing)
    assert crypto.public_bytes(crypto.load_encryption_key(crypto.private_bytes(encryption))) \
        == crypto.public_bytes(encryption)
    assert len(crypto.fingerprint(crypto.public_bytes(signing))) == 16


@pytest.mark.parametrize("raw", [b"", b"x" * 31, b"x" * 33])
def test_a_key_of_the_wrong_length_is_refused(raw):
    with pytest.raises(crypto.CryptoError) as caught:
        crypto.load_verify_key(raw)
    assert caught.value.code == "key_invalid"


def test_a_signature_verifies_only_for_its_data_and_key():
    key, other = crypto.new_signing_key(), crypto.new_signing_key()
    signature = crypto.sign(key, b"batch")
    crypto.verify(key.public_key(), signature, b"batch")
    with pytest.raises(crypto.SignatureInvalidError):
        crypto.verify(key.public_key(), signature, b"batcH")
    with pytest.raises(crypto.SignatureInvalidError):
        crypto.verify(other.public_key(), signature, b"batch")


def test_sealed_data_opens_only_with_the_recipient_key_and_the_same_aad():
    central, stranger = crypto.new_encryption_key(), crypto.new_encryption_key()
    sealed = crypto.seal(central.public_key(), b"interviews", b"aad")
    assert b"interviews" not in sealed.ciphertext
    assert crypto.open_sealed(central, sealed, b"aad") == b"interviews"
    with pytest.raises(crypto.DecryptionError):
        crypto.open_sealed(central, sealed, b"other aad")
    with pytest.raises(crypto.DecryptionError):
        crypto.open_sealed(stranger, sealed, b"aad")


def test_each_seal_uses_a_fresh_ephemeral_key_and_nonce():
    central = crypto.new_encryption_key()
    one = crypto.seal(central.public_key(), b"same", b"")
    two = crypto.seal(central.public_key(), b"same", b"")
    assert one.ephemeral_key != two.ephemeral_key and one.nonce != two.nonce
    assert one.ciphertext != two.ciphertext


def test_a_tampered_ciphertext_nonce_or_ephemeral_key_does_not_open():
    central = crypto.new_encryption_key()
    sealed = crypto.seal(central.public_key(), b"payload", b"")
    flipped = bytes([sealed.ciphertext[0] ^ 1]) + sealed.ciphertext[1:]
    for bad in (crypto.Sealed(sealed.ephemeral_key, sealed.nonce, flipped),
                crypto.Sealed(sealed.ephemeral_key, b"\0" * 12, sealed.ciphertext),
                crypto.Sealed(b"\0" * 32, sealed.nonce, sealed.ciphertext),
                crypto.Sealed(b"short", sealed.nonce, sealed.ciphertext)):
        with pytest.raises(crypto.DecryptionError):
            crypto.open_sealed(central, bad, b"")


def test_subkeys_differ_by_purpose_and_macs_by_key():
    master = crypto.new_master_key()
    one, two = crypto.derive_subkey(master, "a"), crypto.derive_subkey(master, "b")
    assert one != two and one == crypto.derive_subkey(master, "a") and len(one) == 32
    assert one != master
    assert crypto.mac_hex(one, b"x") != crypto.mac_hex(two, b"x")
    assert crypto.mac_hex(one, b"x") == crypto.mac_hex(one, b"x")


def test_a_data_key_sealed_to_an_account_opens_with_its_private_key_only():
    private, public = crypto.new_key_pair()
    other_private, _ = crypto.new_key_pair()
    key = crypto.new_data_key()
    sealed = crypto.seal_key(public, key, b"key 1 for olsi")
    assert crypto.open_key(private, sealed, b"key 1 for olsi") == key
    assert crypto.open_key(other_private, sealed, b"key 1 for olsi") is None
    assert crypto.open_key(private, sealed, b"key 1 for ines") is None
    assert crypto.open_key(private, sealed[:20], b"key 1 for olsi") is None  # cut short
    assert crypto.open_key(private, b"", b"key 1 for olsi") is None


def test_a_record_cipher_opens_only_what_it_sealed_in_that_place():
    cipher = crypto.RecordCipher(crypto.new_data_key())
    sealed = cipher.seal(b"answers", b"interview 1 revision 2 answers")
    assert cipher.open(sealed, b"interview 1 revision 2 answers") == b"answers"
    assert cipher.open(sealed, b"interview 1 revision 1 answers") is None
    assert crypto.RecordCipher(crypto.new_data_key()).open(
        sealed, b"interview 1 revision 2 answers") is None
    assert cipher.open(b"short", b"x") is None
    with pytest.raises(crypto.CryptoError):
        crypto.RecordCipher(b"too short")
