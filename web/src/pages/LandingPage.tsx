import { Link } from '../app/navigation';
import { usePageTitle } from '../app/usePageTitle';

const FEATURES = [
  {
    title: 'One shared WhatsApp inbox',
    text: 'Your whole team answers customers from one WhatsApp Business number: assign conversations, label them and leave private notes for colleagues.',
  },
  {
    title: 'Campaigns to opted-in customers only',
    text: 'Marketing templates go only to contacts who said yes. STOP and its equivalents opt people out at once, and every change is kept in a consent ledger.',
  },
  {
    title: 'Encrypted at rest',
    text: 'Messages, media and contact details are stored encrypted, each contact under its own key.',
  },
  {
    title: 'Retention and erasure',
    text: 'Keep messages only as long as your policy says. Erasing a contact destroys their keys, so no copy can be read again, backups included.',
  },
  {
    title: 'An audit log you can verify',
    text: 'Every access to message content is recorded in a tamper-evident log that you can check yourself.',
  },
];

export function LandingPage() {
  usePageTitle('Shared WhatsApp inbox and opt-in campaigns');
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Answer every WhatsApp customer as one team</h1>
        <p className="lead">
          WhatGrowPro is a shared inbox and campaign tool for the WhatsApp Business Platform, built so your customers’
          conversations stay private.
        </p>
        <p className="actions">
          <Link to="/signup" className="button button-primary">Create a sandbox account</Link>
          <Link to="/login" className="button">Log in</Link>
        </p>
      </section>

      <section aria-labelledby="features-title">
        <h2 id="features-title">What you get</h2>
        <ul className="cards">
          {FEATURES.map((feature) => (
            <li key={feature.title} className="card">
              <h3>{feature.title}</h3>
              <p>{feature.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="start-title">
        <h2 id="start-title">Try it in two minutes, no Meta account needed</h2>
        <ol className="steps">
          <li><Link to="/signup">Sign up</Link>. In sandbox mode (the default) your workspace comes with a test WhatsApp number and three simulated customers.</li>
          <li>From your dashboard, open the <strong>sandbox customer phone</strong>: a web page that plays the part of a customer’s WhatsApp.</li>
          <li>Send a message from the phone and watch it arrive in your shared inbox. Reply, and see it on the phone.</li>
        </ol>
        <p>When you are ready for real customers, connect your own WhatsApp Business number from Meta.</p>
      </section>
    </>
  );
}
