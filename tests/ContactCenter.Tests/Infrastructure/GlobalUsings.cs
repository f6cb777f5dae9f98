global using ContactCenter.Tests.Infrastructure;
