import type { AccessRequestView } from './schema';

// Mail texts for the NDA gate. They name the output and the organizations, never the
// confidential details themselves.

export function newRequestMail(outputTitle: string, smeName: string, requesterName: string, message: string, publicUrl: string) {
  return {
    subject: `${smeName} asks to read the details of "${outputTitle}"`,
    text:
      `${requesterName} of ${smeName} asks to read the confidential details of your research output "${outputTitle}".\n\n` +
      `Their message:\n${message}\n\nAn administrator of your organization can grant or refuse the request at:\n${publicUrl}/access-requests?direction=incoming`,
  };
}

export function decisionMail(request: AccessRequestView, publicUrl: string) {
  const granted = request.status === 'granted';
  return {
    subject: `${request.ownerOrganizationName} ${granted ? 'granted' : 'refused'} your request for "${request.outputTitle}"`,
    text: granted
      ? `${request.ownerOrganizationName} granted ${request.requestingOrganizationName} access to the confidential details of "${request.outputTitle}". ` +
        `Every member of ${request.requestingOrganizationName} can now read them; each read is recorded for the owner.\n\n${publicUrl}/research-outputs/${request.outputId}`
      : `${request.ownerOrganizationName} refused access to the confidential details of "${request.outputTitle}".` +
        (request.reason ? `\n\nTheir reason:\n${request.reason}` : '') +
        `\n\nYou may send a new request with more context.`,
  };
}
