// @salesforce/apex/OnDemandSyncController.requestSync for component tests (mapped in
// jest.config.js): a jest.fn() each test gives its answer (mockResolvedValue, mockRejectedValue).
module.exports = { default: jest.fn() };
