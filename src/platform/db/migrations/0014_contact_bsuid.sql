-- A contact known only by its BSUID (a WhatsApp username hides the phone number) is addressed by
-- that BSUID. The identity index holds only its blind token, which cannot be sent to, so the value
-- itself is sealed on the contact under the contact's data key, like the phone (erased with it).
alter table contacts add column bsuid bytea;
