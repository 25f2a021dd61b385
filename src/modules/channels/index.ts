export * from './whatsapp/cloud-api';
