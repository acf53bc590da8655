import { noRegistrations, registrationFigures } from './registration-figures';

describe('registration figures', () => {
  it('split the submitted into answered and awaiting, the accepted into ended and open', () => {
    expect(registrationFigures({ submitted: 9, accepted: 6, conflicted: 2, won: 2, lost: 1, lapsed: 1 })).toEqual({
      submitted: 9,
      accepted: 6,
      conflicted: 2,
      awaitingAnswer: 1,
      won: 2,
      lost: 1,
      lapsed: 1,
      open: 2,
      winRate: 0.5,
    });
  });

  it('count a lapse as not won, round the win rate to hundredths, and have none while nothing ended', () => {
    expect(registrationFigures({ ...noRegistrations, submitted: 3, accepted: 3, won: 2, lapsed: 1 }).winRate).toBe(
      0.67,
    );
    expect(registrationFigures({ ...noRegistrations, submitted: 2, accepted: 1, conflicted: 1 })).toMatchObject({
      open: 1,
      winRate: null,
    });
    expect(registrationFigures(noRegistrations)).toMatchObject({ awaitingAnswer: 0, open: 0, winRate: null });
  });
});
