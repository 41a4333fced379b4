/**
 * What the AI says, in the customer's language where the lab has the words (en, es, de, fr, pt,
 * it, ar); any other language gets English. Fixed texts keep the AI deterministic.
 */
type ReplyKey = 'cannotAnswer' | 'courtesy' | 'handoff';

const REPLIES: Record<string, Record<ReplyKey, string>> = {
  en: {
    cannotAnswer: "I'm not sure about that. Could you rephrase it, or ask me about orders, refunds, passwords or shipping?",
    courtesy: "You're welcome! Is there anything else I can help you with?",
    handoff: "I'm connecting you with a member of our support team. They can see our conversation so far.",
  },
  es: {
    cannotAnswer: 'No estoy seguro de eso. ¿Puede reformularlo o preguntarme sobre pedidos, reembolsos, contraseñas o envíos?',
    courtesy: '¡De nada! ¿Hay algo más en lo que pueda ayudarle?',
    handoff: 'Le estoy comunicando con un miembro de nuestro equipo de soporte. Podrá ver nuestra conversación.',
  },
  de: {
    cannotAnswer: 'Da bin ich mir nicht sicher. Können Sie es anders formulieren oder mich zu Bestellungen, Erstattungen, Passwörtern oder Versand fragen?',
    courtesy: 'Gern geschehen! Kann ich sonst noch helfen?',
    handoff: 'Ich verbinde Sie mit einem Mitarbeiter unseres Support-Teams. Er sieht unser bisheriges Gespräch.',
  },
  fr: {
    cannotAnswer: "Je ne suis pas sûr de cela. Pouvez-vous reformuler, ou me poser une question sur les commandes, remboursements, mots de passe ou livraisons ?",
    courtesy: "Avec plaisir ! Puis-je vous aider pour autre chose ?",
    handoff: "Je vous mets en relation avec un membre de notre équipe support. Il voit notre conversation.",
  },
  pt: {
    cannotAnswer: 'Não tenho certeza sobre isso. Pode reformular ou perguntar sobre pedidos, reembolsos, senhas ou envio?',
    courtesy: 'De nada! Posso ajudar em mais alguma coisa?',
    handoff: 'Estou transferindo você para um membro da nossa equipe de suporte. Ele verá a nossa conversa.',
  },
  it: {
    cannotAnswer: 'Non ne sono sicuro. Può riformulare o chiedermi di ordini, rimborsi, password o spedizioni?',
    courtesy: 'Prego! Posso aiutarla in altro?',
    handoff: 'La sto mettendo in contatto con un membro del nostro team di assistenza. Vedrà la nostra conversazione.',
  },
  ar: {
    cannotAnswer: 'لست متأكدًا من ذلك. هل يمكنك إعادة الصياغة أو سؤالي عن الطلبات أو المبالغ المستردة أو كلمات المرور أو الشحن؟',
    courtesy: 'على الرحب والسعة! هل هناك شيء آخر يمكنني مساعدتك به؟',
    handoff: 'سأحولك إلى أحد أعضاء فريق الدعم. سيطّلع على محادثتنا حتى الآن.',
  },
};

/** The reply `key` in `language`, English when the lab has no text for that language. */
export function reply(key: ReplyKey, language: string): string {
  return (REPLIES[language] ?? REPLIES.en)![key];
}
